import { describe, expect, it } from 'vitest';
import { parseCatalog } from './import';

describe('parseCatalog', () => {
  it('reads CSV with a JSON pending_enrichment cell and normalises GTINs', () => {
    const csv =
      'gtin,name,brand_name,pending_enrichment\n4006381333931,Highlighter,STABILO,\n96385074,Water,,"[{""field_name"":""category"",""proposed_value"":""Drinks"",""confidence"":""0.9""}]"\n';
    const { products, errors } = parseCatalog(csv, 'csv');
    expect(errors).toEqual([]);
    expect(products.map((p) => p.gtin)).toEqual(['04006381333931', '00000096385074']);
    expect(products[1]?.pending_enrichment?.[0]).toMatchObject({
      field_name: 'category',
      source: 'import',
    });
  });

  it('reads JSON', () => {
    expect(
      parseCatalog(JSON.stringify([{ gtin: '036000291452', name: 'Tissues' }]), 'json').products,
    ).toHaveLength(1);
  });

  it('reports every bad row by number and imports nothing', () => {
    const csv =
      'gtin,name\n4006381333932,Bad check digit\n96385074,\n4006381333931,Ok\n4006381333931,Twice\n';
    const { products, errors } = parseCatalog(csv, 'csv');
    expect(products).toEqual([]);
    expect(errors).toEqual([
      'row 2: gtin: GTIN check digit is wrong.',
      'row 3: name: name is required',
      'row 5: gtin 04006381333931 repeats row 4',
    ]);
  });

  it('explains a file that is not what it claims to be', () => {
    expect(parseCatalog('{not json', 'json').errors[0]).toMatch(/could not be read as JSON/);
    expect(parseCatalog('{"a":1}', 'json').errors[0]).toMatch(/array/);
  });
});
