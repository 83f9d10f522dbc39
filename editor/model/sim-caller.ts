/**
 * Who calls in the simulator: presets a receptionist understands (a mobile that can receive
 * SMS, a landline that cannot, a hidden number) and what kind of number was typed, because the
 * flow behaves differently for each (SMS goes only to mobiles; a hidden number has no SMS).
 */
import { parsePhone } from '../../schema/phone.ts';

export const anonymousCaller = 'anonymous';

export type CallerPreset = 'mobile' | 'landline' | 'anonymous';

export const callerPresets: Record<CallerPreset, string> = {
  mobile: '090-1234-5678',
  landline: '03-5555-0123',
  anonymous: anonymousCaller,
};

export const defaultCaller = callerPresets.mobile;

export type CallerKind = 'mobile' | 'landline' | 'other' | 'anonymous' | 'invalid';

export function callerKind(from: string): CallerKind {
  if (from === anonymousCaller) return 'anonymous';
  const parsed = parsePhone(from);
  if (!parsed) return 'invalid';
  if (parsed.type === 'mobile') return 'mobile';
  return parsed.type === 'landline' ? 'landline' : 'other';
}
