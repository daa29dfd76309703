"use client";
import { useSyncExternalStore } from "react";

const wideQuery = "(min-width: 64rem)";
const subscribeWide = (onChange: () => void) => {
  const media = matchMedia(wideQuery);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
};
/** True on wide screens (Tailwind's lg), where notes sit in the margin; false on the server. */
export const useWide = () =>
  useSyncExternalStore(
    subscribeWide,
    () => matchMedia(wideQuery).matches,
    () => false,
  );
