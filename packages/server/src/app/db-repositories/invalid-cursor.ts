// The error a patient search raises for a cursor it did not give (the HTTP edge answers 400). Kept
// apart from the search so the in-memory twin raises the same one without importing the database.
export class InvalidCursorError extends RangeError {
  constructor(message = 'the patient search cursor is not one this server gave') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}
