// What a reader is told after reporting a comment or a note (pure; the comment form's server
// action and the notes' report form both use it). An unconfirmed account's report is stored for
// the moderators but does not count towards hiding the item until the address is confirmed
// (`counted: false` from reportComment / reportAnnotation): the reader is told so, not misled.

export function reportThanks(what: "comment" | "note", counted: boolean): string {
  if (counted)
    return what === "comment"
      ? "Thank you. The editorial board will look at it."
      : "Thank you: the moderators will look at this note.";
  return `Thank you. The editorial board will see it; it counts towards hiding the ${what} once you confirm your e-mail address (see your account page).`;
}
