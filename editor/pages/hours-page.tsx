/** Placeholder until the business-hours page lands. */
export function HoursPage(props: { scheduleId?: string }) {
  return <p>営業時間 {props.scheduleId ?? ''} (準備中)</p>;
}
