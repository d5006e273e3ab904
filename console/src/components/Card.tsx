/**
 * One figure of a page of figures (the dashboard, the scorecards): what it is (`label`), its value, and
 * a line that details it; `testId` marks it for the e2e tests. The value is isolated (`<bdi>`): "33,3 %"
 * or "5,8 dB" read left to right in an Arabic page too.
 */
export function Card({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  testId?: string;
}) {
  return (
    <div className="card" data-testid={testId}>
      <div className="card-label">{label}</div>
      <div className="card-value">
        <bdi>{value}</bdi>
      </div>
      {detail && <div className="card-detail muted">{detail}</div>}
    </div>
  );
}
