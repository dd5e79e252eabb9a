// The page's first script, kept small: it asks for the runs list, then loads the UI (start.ts, a
// chunk of its own) while the answer is on its way.
import { prefetchRunsList } from './lib/boot';
import './styles.css';
import './theme/theme.css';

prefetchRunsList();
void import('./start');
