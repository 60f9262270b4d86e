/**
 * Which of `tags` are defined. Tests assert on this rather than on `customElements.get()`: a failing assertion
 * whose value is an element's class hangs the test runner (it never finishes reporting it) instead of failing.
 */
export const definedOf = (...tags: string[]): string[] => tags.filter((tag) => customElements.get(tag) !== undefined);
