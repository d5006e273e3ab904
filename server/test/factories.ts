import { ribKey } from '../../shared/identifiers.js';

let sequence = 0;

/** A unique number per call within a test process, for unique NIFs, codes and references. */
export function nextSequence(): number {
  sequence += 1;
  return sequence * 1000 + (process.pid % 1000);
}

/** A valid RIB for bank `bank` (CCP: 007) and a 10-digit account number derived from `seed`. */
export function validRib(seed: number, bank = '007', branch = '99999'): string {
  const account = String(seed).padStart(10, '0').slice(-10);
  return `${bank}${branch}${account}${ribKey(branch, account)}`;
}

/** A valid CreateContractorInput (a SARL under the real regime in Alger), with overrides. */
export function contractorInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = nextSequence();
  return {
    legalName: `SARL Fibre Test ${n}`,
    tradeName: null,
    legalForm: 'SARL',
    fiscalRegime: 'REAL',
    nif: String(n).padStart(15, '0'),
    nis: `0991600${String(n).padStart(8, '0')}`,
    rcNumber: `16/00-${String(n).padStart(7, '0')}B21`,
    autoEntrepreneurCardNumber: null,
    taxArticle: `16${String(n).padStart(9, '0')}`,
    address: '12 rue Didouche Mourad',
    communeId: '554',
    contacts: [{ name: 'Amine Benali', role: 'gérant', phone: '0550 12 34 56', email: 'amine@example.dz' }],
    bankAccount: validRib(n),
    operatingWilayaCodes: ['16', '09'],
    teamCapacity: 4,
    ...overrides,
  };
}
