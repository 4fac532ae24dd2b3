// What waits for a participant on their own page (letters, or "check your referral"):
// the feedback survey and the optional equality questions, each behind a posted button so
// no address carries a token.

/** The invitation to the survey on a participant's own page: a button, so no link carries a token. */
export function SurveyInvitation() {
  return (
    <div className="govuk-inset-text" id="survey">
      <p className="govuk-body">Tell us what you thought of the service: 7 short questions, and you can skip any. Staff cannot see who answered.</p>
      <form method="post" action="/feedback" autoComplete="off">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Tell us what you thought
        </button>
      </form>
    </div>
  );
}

/** The optional equality questions, offered on a participant's own page until answered. */
export function EqualityInvitation() {
  return (
    <div className="govuk-inset-text" id="equality">
      <p className="govuk-body">
        Help us check that the service treats everyone fairly: 7 optional questions about you, such as your age and ethnic group. Each has ‘Prefer not to say’,
        and the answers are kept apart from your name and your case.
      </p>
      <form method="post" action="/equality" autoComplete="off">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Answer the questions about you
        </button>
      </form>
    </div>
  );
}
