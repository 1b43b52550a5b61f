/** Lower-case letters, digits and inner hyphens, 1–48 characters: the same rule the database checks. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;
