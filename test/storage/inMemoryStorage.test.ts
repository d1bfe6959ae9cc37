// InMemoryStorage against the shared contract.
import { InMemoryStorage } from '../../src/storage/inMemoryStorage.js';
import { storageContract } from './storageContract.js';

storageContract('InMemoryStorage', { open: async () => new InMemoryStorage(), timestampResolutionMs: 5 });
