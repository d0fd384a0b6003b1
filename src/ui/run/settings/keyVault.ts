import { KeyVault } from './modelSettings';

let vault: KeyVault | null = null;

/** The page's one key holder (memory; localStorage only when the user asked to remember the key). */
export function appKeyVault(): KeyVault {
  vault ??= new KeyVault(typeof localStorage === 'undefined' ? null : localStorage);
  return vault;
}
