/** What a session's gallery says before its first photo. */
export function NoPhotos() {
  return <p className="muted">No photos in this session yet.</p>;
}
