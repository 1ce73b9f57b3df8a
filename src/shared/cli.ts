// Errors of `npm run admin -- …` commands: the message is printed as it is (one line or a usage text) and the
// command exits 1, without a stack trace.
export class CliError extends Error {}
