"use server";
import { signOut } from "@/auth";

/** The header's Sign out. */
export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
