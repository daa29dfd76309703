import { getViewer } from "@/lib/auth/get-viewer";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import { apiRoute, json } from "@/lib/http/api";
import { importWxr } from "@/lib/import/import-wxr";
import { maxUploadBytes, saveUploadToTempFile } from "@/lib/import/save-upload";

// The import page's upload: the export is the raw request body (not a form), streamed to a temp
// file — never held in memory — and imported from there. Admins only; same-origin (apiRoute).
export const POST = apiRoute(async (request: Request) => {
  const viewer = await requirePermission(await getViewer(request.headers), "imports.run");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxUploadBytes)
    throw new AppError("too_large", `the file is larger than ${maxUploadBytes / 1024 / 1024} MB`);
  const upload = await saveUploadToTempFile(request.body);
  try {
    return json({ report: await importWxr(viewer, upload.file) });
  } finally {
    await upload.remove();
  }
});
