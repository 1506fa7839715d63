// The worker script under Node: the adapter arrives with each task (its moduleUrl).
import { serveLassoNetTasks } from './serveTasks.js';

serveLassoNetTasks();
