// BlobStorage against the shared contract, on a real Azurite blob service started for this file.
import { ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStorage } from '../../src/storage/blobStorage.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { storageContract } from './storageContract.js';

let azurite: Azurite;
let containers = 0;
const freshContainer = () => `state-${process.pid}-${++containers}`;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

async function openBlob(): Promise<BlobStorage> {
  const store = new BlobStorage({ connectionString: azurite.connectionString, containerName: freshContainer() });
  await store.ensureContainer();
  return store;
}

// Blob Last-Modified has one-second precision, hence the longer gap around a purge cutoff.
storageContract('BlobStorage', { open: openBlob, timestampResolutionMs: 1_100 });

describe('BlobStorage on Azure Blob Storage (Azurite)', () => {
  it('stores one JSON blob per key, named as botbuilder BlobsStorage names it, in UTF-8', async () => {
    const store = await openBlob();
    await store.write({ 'webchat/users/u1/': { name: 'Siân Ŵ 👍' } });
    const container = new ContainerClient(azurite.connectionString, store.containerName);
    const names: string[] = [];
    for await (const blob of container.listBlobsFlat()) names.push(blob.name);
    expect(names).toEqual(['webchat%2Fusers%2Fu1']);
    const body = await container.getBlobClient('webchat%2Fusers%2Fu1').downloadToBuffer();
    expect(body.toString('utf8')).toBe('{"name":"Siân Ŵ 👍"}');
  });

  it('fails ping with the container and the reason once the container is gone', async () => {
    const store = await openBlob();
    await new ContainerClient(azurite.connectionString, store.containerName).delete();
    await expect(store.ping()).rejects.toThrow(new RegExp(`BlobStorage\\.ping\\(\\): cannot reach the container "${store.containerName}" at http://127\\.0\\.0\\.1:\\d+/devstoreaccount1/${store.containerName} because the service answered HTTP 404`));
  });
});
