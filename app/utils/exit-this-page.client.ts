// Enhances "Exit this page": the click and three presses of Shift (within 5 seconds)
// blank the page and replace the current history entry with the neutral site, so the
// Back button does not return here.
export function enhanceExitThisPage(): () => void {
  const button = document.querySelector<HTMLAnchorElement>('.govuk-js-exit-this-page-button');
  if (!button) return () => {};
  const leave = () => {
    document.body.classList.add('app-exiting');
    window.location.replace(button.href);
  };
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    leave();
  };
  let presses: number[] = [];
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key !== 'Shift') {
      presses = [];
      return;
    }
    const now = Date.now();
    presses = [...presses.filter((t) => now - t < 5000), now];
    if (presses.length >= 3) leave();
  };
  button.addEventListener('click', onClick);
  document.addEventListener('keyup', onKeyUp, true);
  button.dataset.enhanced = 'true';
  return () => {
    delete button.dataset.enhanced;
    button.removeEventListener('click', onClick);
    document.removeEventListener('keyup', onKeyUp, true);
  };
}
