import "next-auth";

declare module "next-auth" {
  interface User {
    role?: string;
    status?: string;
  }
  interface Session {
    user: {
      id: string;
      name: string;
      email: string;
      role: string;
      status: string;
      bannedUntil?: string | null;
      image?: string | null;
    };
  }
}
