// The portal's own inline scripts. They are the same bytes on every page, so the
// Content-Security-Policy allows them by hash (entry.server.tsx exports the hashes;
// server.js puts them in the header) and a page that carries no other script needs no
// per-request nonce. Change a script here and its hash follows.

/** Marks the page as having JavaScript before it paints, as GOV.UK Frontend expects. */
export const JS_ENABLED = "document.body.className+=' js-enabled'+('noModule' in HTMLScriptElement.prototype?' govuk-frontend-supported':'');";

/**
 * "Exit this page", placed straight after the button so it works as soon as the button
 * shows: the click, or Shift pressed three times within 5 seconds, blanks the page and
 * replaces this history entry with the exit route (which clears the site's data and goes
 * on to the neutral site). Screen readers hear how many more presses are needed.
 */
export const EXIT_THIS_PAGE = [
  '(function(){',
  'var box=document.currentScript.previousElementSibling,a=box.querySelector("a"),say=box.querySelector("[aria-live]"),t=[];',
  'function go(){document.body.classList.add("app-exiting");location.replace(a.href)}',
  'a.addEventListener("click",function(e){e.preventDefault();go()});',
  'document.addEventListener("keyup",function(e){',
  'if(e.key!=="Shift"){t=[];say.textContent="";return}',
  'var n=Date.now();t=t.filter(function(x){return n-x<5000});t.push(n);',
  'if(t.length>=3){say.textContent="Exit this page activated";go();return}',
  'say.textContent="Shift, press "+(3-t.length)+" more time"+(t.length===2?"":"s")+" to exit."',
  '},true)})();',
].join('');
