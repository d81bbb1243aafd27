/** `intake/<yyyy>/<mm>/<dd>/<intakeId>`: where one inbound message's raw content and files are kept. */
export function blobPrefix(at: Date, intakeId: string): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '/');
  return `intake/${day}/${intakeId}`;
}
