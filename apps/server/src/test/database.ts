// Tests import the storage helpers from here or from @vigil/db/testing; they live in packages/db.
export * from '@vigil/db/testing';
