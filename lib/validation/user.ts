import { z } from "zod";
import { commonPasswords } from "./common-passwords";

export const nameSchema = z.string().trim().min(1, "Enter your name.").max(80, "Use at most 80 characters.");

/** A short bio: on the person's page and their author archive (issue 18, items 10 and 16). */
export const bioSchema = z.string().trim().max(300, "Use at most 300 characters.");

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.")
  .refine((p) => !commonPasswords.has(p.toLowerCase()), "This password is too common; choose another.")
  .refine((p) => new Set(p).size > 2, "This password is too easy to guess; choose another.");

export const roleSchema = z.enum(
  ["commenter", "contributor", "moderator", "editor", "admin"],
  "Role must be commenter, contributor, moderator, editor or admin.",
);

export const signUpSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: passwordSchema,
});

export const resetPasswordSchema = z.object({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});

export const apiTokenNameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the token, e.g. the script that will use it.")
    .max(60, "Use at most 60 characters."),
});

/** What a personal access token may do through the JSON API (never outside it). */
export const tokenScopes = ["read", "comments", "annotations", "articles", "moderation"] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const apiTokenSchema = apiTokenNameSchema.extend({
  scopes: z
    .array(z.enum(tokenScopes, "Unknown scope."))
    .min(1, "Choose at least one scope.")
    .max(tokenScopes.length)
    .optional(),
  expiresInDays: z
    .number("Choose a number of days.")
    .int()
    .min(1, "At least one day.")
    .max(366, "At most a year.")
    .optional(),
});

/** An admin (or the shell) gives an account a role. */
export const changeRoleSchema = z.object({ email: emailSchema, role: roleSchema });
