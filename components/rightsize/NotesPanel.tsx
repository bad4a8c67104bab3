/** Remarks about the file and the recommendation (short data, Sum statistic, a reservation that disagrees…). */
export function NotesPanel({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      <ul className="warnings" style={{ marginTop: 8 }} data-testid="rec-warnings">
        {notes.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </section>
  );
}
