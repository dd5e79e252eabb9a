// listKinds: every schedule kind with its group, label and parameters (name, type, default,
// one-line help), so the designer can build its forms without knowing any kind.
import type { KindInfo } from './define';
import { KIND_INFOS } from './spec';

export function listKinds(): readonly KindInfo[] {
  return KIND_INFOS;
}
