// What each sign-in page says when a try fails, by reason: one place for the wording.
export const SIGN_IN_MESSAGES = {
  referral: {
    wrong: 'The reference or passphrase is not right. Check them and try again',
    'locked-reference': 'There have been too many tries for this reference. Wait 15 minutes, then try again, or call us',
    'locked-address': 'There have been too many tries from this device. Wait 15 minutes, then try again, or call us',
  },
  letters: {
    wrong: 'The reference or passphrase is not right. Check them and try again',
    'locked-reference': 'There have been too many tries for this reference. Wait 15 minutes, or ask your facilitator',
    'locked-address': 'There have been too many tries from this device. Wait 15 minutes and try again',
  },
  staff: {
    wrong: 'The email address or password is not right',
    'locked-account':
      'Too many failed sign-ins for this account from here. Wait 15 minutes, sign in on a device you have used before, or ask a manager to lift the lock',
    'locked-address': 'Too many failed sign-ins from this device. Wait 15 minutes and try again',
  },
} as const;
