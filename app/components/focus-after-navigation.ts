// Focus after a navigation on pages where React runs in the browser (the staff workspace).
import { useNavigation } from '@remix-run/react';
import { useEffect, useRef } from 'react';

/**
 * Where React runs in the browser, a link or a form changes the page without loading a new
 * one, and focus would stay on the link pressed (or fall to <body>) with nothing announced.
 * When a navigation or submission ends, focus moves as a new page would place it: to the
 * error summary, else the success banner (role="alert", so it is read out), else the element
 * the address's #fragment names, else the page's heading.
 */
export function useFocusAfterNavigation() {
  const navigation = useNavigation();
  const busy = useRef(false);
  useEffect(() => {
    if (navigation.state !== 'idle') {
      busy.current = true;
      return;
    }
    if (!busy.current) return;
    busy.current = false;
    const main = document.getElementById('main-content');
    const fragment = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    const target =
      main?.querySelector<HTMLElement>('.govuk-error-summary') ??
      main?.querySelector<HTMLElement>('.govuk-notification-banner--success') ??
      fragment ??
      main?.querySelector<HTMLElement>('h1');
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [navigation.state]);
}
