// Errors of `npm run admin -- …` commands: the message is printed as it is (one line or a usage text) and the
// command exits 1, without a stack trace.
export class CliError extends Error {}

/**
 * An e-mail address as a command may print it: the first letter of the local part and the domain ("c***@jc.example").
 * Terminal output ends up in shell histories, CI logs and screenshots, so it names no person.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 1 ? '***' : `${email[0]}***${email.slice(at)}`;
}
