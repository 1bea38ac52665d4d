import { MemoryStore } from '../../../src/engine/memory-store.js';
import { storeContract } from './store-contract.js';

storeContract('MemoryStore', () => new MemoryStore());
