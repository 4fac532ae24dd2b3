// What a complaint shows on the staff pages: its due, overdue or answered tags.

export function ComplaintTags({ tags }: { tags: { text: string; colour: string }[] }) {
  return (
    <>
      {tags.map((t) => (
        <strong key={t.text} className={`govuk-tag govuk-tag--${t.colour} govuk-!-margin-right-1 govuk-!-margin-bottom-1`}>
          {t.text}
        </strong>
      ))}
    </>
  );
}
