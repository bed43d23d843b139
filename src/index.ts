import {registerRoot} from 'remotion';
import {Root} from './compositions/Root';

registerRoot(Root);
