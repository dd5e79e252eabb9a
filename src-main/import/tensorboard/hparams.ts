// TensorBoard's HParams plugin data: the hyperparameters of a run, written as summaries whose
// metadata names the plugin "hparams" and holds a serialized HParamsPluginData in
// plugin_data.content (tensorboard/plugins/hparams/plugin_data.proto, api.proto and metadata.py
// at tensorflow/tensorboard@70b76c922822dcccc3e8d7e5dd89860948690357). Writers: TF's
// hparams summary_v2 (hp.hparams / hparams_pb), torch's SummaryWriter.add_hparams and Lightning's
// TensorBoardLogger (both through torch.utils.tensorboard.summary.hparams). They become the run's
// configuration: the values of session_start_info's hparams map as they are named, and what the
// session start and end say about the trial under "tensorboard/".
import { loadSchema } from '../proto-schema';
import { ImportError, type Place } from '../errors';
import type { ValueMessage } from './event-proto';

export const HPARAMS_PLUGIN = 'hparams';

const PluginData = loadSchema(new URL('./hparams.proto', import.meta.url)).lookupType('tensorboard.hparams.HParamsPluginData');

interface ValueMsg {
  kind?: 'null_value' | 'number_value' | 'string_value' | 'bool_value' | 'struct_value' | 'list_value';
  number_value?: number;
  string_value?: string;
  bool_value?: boolean;
  struct_value?: { fields?: Record<string, ValueMsg> };
  list_value?: { values?: ValueMsg[] };
}

interface PluginDataMsg {
  data?: 'experiment' | 'session_start_info' | 'session_end_info';
  experiment?: { name: string; description: string; user: string };
  session_start_info?: { hparams?: Record<string, ValueMsg>; model_uri: string; monitor_url: string; group_name: string };
  session_end_info?: { status: number };
}

/** api.proto's Status, in the words TensorBoard's HParams table shows. */
const STATUS: Record<number, string> = { 0: 'unknown', 1: 'success', 2: 'failure', 3: 'running' };

/** At most this many hyperparameters per run are kept (a config is a page, not a table). */
export const MAX_HPARAMS = 10_000;

/** google.protobuf.Value as text: numbers as JavaScript prints them (0.1, 32, NaN), lists and structs as JSON. */
function valueText(v: ValueMsg): string {
  const value = plain(v);
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function plain(v: ValueMsg): unknown {
  switch (v.kind) {
    case 'number_value':
      return v.number_value;
    case 'string_value':
      return v.string_value;
    case 'bool_value':
      return v.bool_value;
    case 'struct_value':
      return Object.fromEntries(Object.entries(v.struct_value?.fields ?? {}).map(([k, x]) => [k, plain(x)]));
    case 'list_value':
      return (v.list_value?.values ?? []).map(plain);
    default:
      return null;
  }
}

function decodePluginData(content: Uint8Array, file: string, place: Place): PluginDataMsg {
  try {
    return PluginData.toObject(PluginData.decode(content), { oneofs: true, defaults: true }) as PluginDataMsg;
  } catch (err) {
    throw new ImportError(file, place, `hparams plugin data that is not an HParamsPluginData protobuf (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Adds the configuration an hparams summary value carries to `into` (later summaries win, as in TensorBoard). */
export function addHparams(value: ValueMessage, into: Record<string, string>, file: string, place: Place): void {
  const content = value.metadata?.plugin_data?.content;
  if (!content || content.length === 0) return;
  const data = decodePluginData(content, file, place);
  const set = (key: string, text: string) => {
    if (key in into || Object.keys(into).length < MAX_HPARAMS) into[key] = text;
  };
  if (data.session_start_info) {
    const start = data.session_start_info;
    for (const [name, v] of Object.entries(start.hparams ?? {})) set(name, valueText(v));
    if (start.group_name) set('tensorboard/trial_id', start.group_name);
    if (start.model_uri) set('tensorboard/model_uri', start.model_uri);
    if (start.monitor_url) set('tensorboard/monitor_url', start.monitor_url);
  } else if (data.session_end_info) {
    set('tensorboard/status', STATUS[data.session_end_info.status] ?? String(data.session_end_info.status));
  } else if (data.experiment) {
    if (data.experiment.name) set('tensorboard/experiment', data.experiment.name);
    if (data.experiment.description) set('tensorboard/experiment_description', data.experiment.description);
  }
}

/** Adds the configuration in an event's hparams summaries (if any) to `into`. */
export function collectHparams(values: readonly ValueMessage[] | undefined, into: Record<string, string>, file: string, place: Place): void {
  for (const value of values ?? []) {
    if (value.metadata?.plugin_data?.plugin_name === HPARAMS_PLUGIN) addHparams(value, into, file, place);
  }
}
