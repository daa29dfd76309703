/** The window event the live client sends the margin notes for each note change: `detail` = {action, id}. */
export const liveNoteEvent = "gloss:live-note";
export type LiveNoteDetail = { action: "created" | "updated" | "removed"; id: string };

/** Sent by the margin's note store once a note that arrived live is fetched: `detail` = its W3C JSON (the density bar places it). */
export const liveNotePlacedEvent = "gloss:live-note-placed";
