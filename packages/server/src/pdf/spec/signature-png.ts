// A drawn signature as the web app sends it: a small PNG (160 x 48, RGBA, a transparent ground),
// made once from a damped sine and kept here as base64.
export const SIGNATURE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAKAAAAAwCAYAAACWqXFuAAABQklEQVR42u3bu3XDMBAEQBWh2IW5/z6syJkDEx/eHjjznlIKWqwg' +
  'ArRfLwAAAAAAAAAAAIDF3l/fP78vaYxn99dLQoPBCW8uO1kuClBa8+VrlefuwZ4QWsU4r+TUuoQ7B/ufQFJDq/zCjL5XyxLuGuiV' +
  'INJCq/q5W3X9VkW8M8i7x1FxzzU67vTrtVkFZz50dVhXx76iiFWr6rGr4Oy1qsIanajRFfHO+8qWJawqckVQu8addHQSX8KklevO' +
  'oFa/V/KZXbsSpk1kpwlJPfeMLmHS5sF9kRKWH590vXbnEpbnMHsMkXxEpHzrS7glw6RHaB3vLU8p4ZV5X55j0i6u6w77tCLePv8p' +
  'O7mdj6dUL/wYKeUYoesTlqf8ND9i2971GTMPPr/yl9eUlVD5KCmh/zkhcrcmNY48JkIJFQ8AAAAI8AGqaYcCqNBCrQAAAABJRU5E' +
  'rkJggg==';
