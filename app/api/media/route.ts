import { getViewer } from "@/lib/auth/get-viewer";
import { AppError } from "@/lib/errors";
import { apiRoute, json } from "@/lib/http/api";
import { MAX_MEDIA_BYTES, uploadMedia } from "@/lib/media/upload-media";

/** POST /api/media (multipart, field `file`): editor+ uploads an image → 201 {url, width, height}. */
export const POST = apiRoute(async (request: Request) => {
  const viewer = await getViewer(request.headers);
  if (!viewer) throw new AppError("unauthorized", "Sign in first.");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_MEDIA_BYTES + 64 * 1024) throw new AppError("too_large", "Images can be at most 10 MB.");
  if (!/^multipart\/form-data/i.test(request.headers.get("content-type") ?? ""))
    throw new AppError("bad_request", "Send the image as multipart/form-data with the field “file”.");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("bad_request", "The upload could not be read as multipart/form-data.");
  }
  const file = form.get("file");
  const media = await uploadMedia(viewer, file instanceof Blob ? file : null);
  return json(media, { status: 201, headers: { Location: media.url } });
});
