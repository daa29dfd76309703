/** The window event the live client sends the margin notes for each note change: `detail` = {action, id}. */
export const liveNoteEvent = "gloss:live-note";
export type LiveNoteDetail = { action: "created" | "updated" | "removed"; id: string };
