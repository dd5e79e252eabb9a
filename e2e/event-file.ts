// Run as a child process (tsx): writes a TensorBoard event file the way torch's SummaryWriter
// frames it (the app's own test writer), with a corrupt or half-written record where asked.
// Usage: event-file.ts OUT '[{"step":0,"tag":"loss","value":1}, {"version":true}, {…, "corrupt":true}, {…, "cut":20}]'
import { writeFileSync } from 'node:fs';
import { scalarEvent, tfRecord, versionEvent } from '../src-main/import/tensorboard/event-writer';

interface Rec {
  version?: boolean;
  step?: number;
  tag?: string;
  value?: number;
  /** Flip a bit of the data CRC. */
  corrupt?: boolean;
  /** Only the first N bytes (a writer stopped mid-record). */
  cut?: number;
}

const [out, json] = process.argv.slice(2);
const records = (JSON.parse(json!) as Rec[]).map((r) => {
  const rec = tfRecord(r.version ? versionEvent() : scalarEvent(r.step!, r.tag!, r.value!));
  if (r.corrupt) rec[rec.length - 1]! ^= 0xff;
  return r.cut === undefined ? rec : rec.subarray(0, r.cut);
});
writeFileSync(out!, Buffer.concat(records));
