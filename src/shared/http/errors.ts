/** A field that failed validation; `message` is an i18n key, `params` its interpolation values. */
export interface FieldError {
  field: string;
  message: string;
  params?: Record<string, unknown>;
}

/** Domain errors carry an HTTP status and an i18n key; they are mapped to responses in one place (error-handler.ts). */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

export class NotFoundError extends DomainError {
  constructor(key = 'common:errors.notFound.text') {
    super(404, key);
  }
}

export class ForbiddenError extends DomainError {
  constructor(key = 'common:errors.forbidden.text') {
    super(403, key);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(key = 'common:errors.unauthorized.text') {
    super(401, key);
  }
}

export class ConflictError extends DomainError {
  constructor(key: string, params: Record<string, unknown> = {}) {
    super(409, key, params);
  }
}

export class ValidationError extends DomainError {
  constructor(
    readonly fields: FieldError[],
    status = 422,
  ) {
    super(status, 'common:errors.validation.title');
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(readonly retryAfterSeconds = 60) {
    super(429, 'common:errors.tooMany.text');
  }
}
