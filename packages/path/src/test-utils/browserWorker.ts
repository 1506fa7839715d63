// A browser worker script as a user would write one: an adapter, then serve.
import '@lassonet/backend-cpu';
import { serveLassoNetTasks } from '../parallel/serveTasks.js';

serveLassoNetTasks();
