import type { PendingEnrichment, ProductInput } from './products.repository';

/** GS1 mod-10 check digit for the digits before it. */
export function checkDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return String((10 - (sum % 10)) % 10);
}

const gtin14 = (body13: string) => `${body13}${checkDigit(body13)}`;

/** Codes the e2e fixtures and docs use, so that a scan of them finds a product. */
const KNOWN: ProductInput[] = [
  {
    gtin: '04006381333931',
    name: 'STABILO BOSS Original Highlighter, yellow',
    brand_name: 'STABILO',
    category: 'Office supplies',
  },
  { gtin: '09506000134352', name: 'GS1 Example Product', brand_name: 'GS1', category: 'Reference' },
  {
    gtin: '00036000291452',
    name: 'Facial Tissues, 2-ply, 144 sheets',
    brand_name: 'Kleenex',
    category: 'Household',
  },
  {
    gtin: '00000096385074',
    name: 'Sparkling Mineral Water 0.5 L',
    brand_name: 'Quellwasser',
    category: 'Beverages',
  },
  {
    gtin: '00012345000065',
    name: 'Chewing Gum, Spearmint, 5 sticks',
    brand_name: 'Minty',
    category: 'Confectionery',
  },
  {
    gtin: '10614141000415',
    name: 'Case of 12 Tomato Soup 400 g',
    brand_name: 'Kitchen Garden',
    category: 'Canned food',
  },
  {
    gtin: '00614141123452',
    name: 'Organic Tomato Soup 400 g',
    brand_name: 'Kitchen Garden',
    category: 'Canned food',
  },
  {
    gtin: '05012345678900',
    name: 'Granola Bar, Oat & Honey',
    brand_name: '',
    category: '',
    pending_enrichment: [
      {
        field_name: 'brand_name',
        proposed_value: 'Nature Valley',
        confidence: '0.92',
        reasoning: 'The brand is printed on the front of the wrapper.',
        source: 'bedrock_claude',
      },
      {
        field_name: 'category',
        proposed_value: 'Snacks > Cereal bars',
        confidence: '0.81',
        reasoning: 'Oat bar with honey, sold as a snack.',
        source: 'bedrock_claude',
      },
    ],
  },
  // Its lookup always fails, so that FAILED and retry can be exercised on purpose.
  {
    gtin: '04000000000006',
    name: 'Catalog record with a broken supplier feed',
    brand_name: 'Test',
    lookup_error: 'Supplier catalog timed out while looking up this GTIN.',
  },
];

const BRANDS: { name: string; prefix: string; lines: [string, string][] }[] = [
  {
    name: 'Alpine Dairy',
    prefix: '7612345',
    lines: [
      ['Whole Milk 1 L', 'Dairy'],
      ['Greek Yogurt 500 g', 'Dairy'],
      ['Butter 250 g', 'Dairy'],
      ['Emmental Cheese 200 g', 'Dairy'],
      ['Skimmed Milk 1 L', 'Dairy'],
      ['Cream 200 ml', 'Dairy'],
    ],
  },
  {
    name: 'Golden Harvest',
    prefix: '5012346',
    lines: [
      ['Rolled Oats 500 g', 'Breakfast'],
      ['Corn Flakes 375 g', 'Breakfast'],
      ['Muesli, Fruit & Nut 750 g', 'Breakfast'],
      ['Wholewheat Bread 800 g', 'Bakery'],
      ['Rye Crispbread 250 g', 'Bakery'],
      ['Basmati Rice 1 kg', 'Pantry'],
    ],
  },
  {
    name: 'Sunny Fields',
    prefix: '8712347',
    lines: [
      ['Orange Juice 1 L', 'Beverages'],
      ['Apple Juice 1 L', 'Beverages'],
      ['Strawberry Jam 340 g', 'Pantry'],
      ['Peanut Butter 350 g', 'Pantry'],
      ['Honey 250 g', 'Pantry'],
      ['Tomato Ketchup 500 ml', 'Condiments'],
    ],
  },
  {
    name: 'Ocean Catch',
    prefix: '5701234',
    lines: [
      ['Tuna in Olive Oil 160 g', 'Canned food'],
      ['Sardines 120 g', 'Canned food'],
      ['Salmon Fillets 250 g', 'Frozen'],
      ['Fish Fingers 450 g', 'Frozen'],
      ['Mackerel in Tomato 125 g', 'Canned food'],
      ['Prawns 200 g', 'Frozen'],
    ],
  },
  {
    name: 'CleanHome',
    prefix: '4012348',
    lines: [
      ['Dish Soap 500 ml', 'Household'],
      ['Laundry Detergent 1.5 L', 'Household'],
      ['All-Purpose Cleaner 750 ml', 'Household'],
      ['Paper Towels, 4 rolls', 'Household'],
      ['Toilet Paper, 9 rolls', 'Household'],
      ['Sponges, 5-pack', 'Household'],
    ],
  },
  {
    name: 'Verde',
    prefix: '8001234',
    lines: [
      ['Spaghetti 500 g', 'Pasta'],
      ['Penne Rigate 500 g', 'Pasta'],
      ['Passata 700 g', 'Pantry'],
      ['Extra Virgin Olive Oil 750 ml', 'Pantry'],
      ['Pesto Genovese 190 g', 'Condiments'],
      ['Risotto Rice 1 kg', 'Pantry'],
    ],
  },
  {
    name: 'BrightSmile',
    prefix: '3012349',
    lines: [
      ['Toothpaste, Mint 75 ml', 'Personal care'],
      ['Toothbrush, Medium', 'Personal care'],
      ['Mouthwash 500 ml', 'Personal care'],
      ['Dental Floss 50 m', 'Personal care'],
      ['Whitening Toothpaste 75 ml', 'Personal care'],
      ['Kids Toothpaste 50 ml', 'Personal care'],
    ],
  },
  {
    name: 'Nordic Bakery',
    prefix: '6412345',
    lines: [
      ['Cinnamon Buns, 4-pack', 'Bakery'],
      ['Rye Bread 500 g', 'Bakery'],
      ['Oat Cookies 200 g', 'Biscuits'],
      ['Blueberry Muffins, 4-pack', 'Bakery'],
      ['Crispbread 200 g', 'Bakery'],
      ['Cardamom Rolls 300 g', 'Bakery'],
    ],
  },
  {
    name: 'PureLeaf',
    prefix: '5412346',
    lines: [
      ['Green Tea, 20 bags', 'Beverages'],
      ['Earl Grey Tea, 25 bags', 'Beverages'],
      ['Chamomile Tea, 20 bags', 'Beverages'],
      ['Ground Coffee 250 g', 'Beverages'],
      ['Espresso Beans 1 kg', 'Beverages'],
      ['Instant Coffee 100 g', 'Beverages'],
    ],
  },
  {
    name: 'Snackbox',
    prefix: '7312347',
    lines: [
      ['Salted Crisps 150 g', 'Snacks'],
      ['Paprika Crisps 150 g', 'Snacks'],
      ['Salted Peanuts 200 g', 'Snacks'],
      ['Pretzels 175 g', 'Snacks'],
      ['Popcorn, Sweet 100 g', 'Snacks'],
      ['Trail Mix 200 g', 'Snacks'],
    ],
  },
  {
    name: 'Cocoa Craft',
    prefix: '7622348',
    lines: [
      ['Milk Chocolate 100 g', 'Confectionery'],
      ['Dark Chocolate 70% 100 g', 'Confectionery'],
      ['Hazelnut Spread 400 g', 'Pantry'],
      ['Cocoa Powder 250 g', 'Baking'],
      ['Chocolate Chip Cookies 200 g', 'Biscuits'],
      ['White Chocolate 100 g', 'Confectionery'],
    ],
  },
  {
    name: 'GreenGarden',
    prefix: '4312349',
    lines: [
      ['Frozen Peas 1 kg', 'Frozen'],
      ['Sweetcorn 340 g', 'Canned food'],
      ['Chickpeas 400 g', 'Canned food'],
      ['Red Lentils 500 g', 'Pantry'],
      ['Kidney Beans 400 g', 'Canned food'],
      ['Spinach 450 g', 'Frozen'],
    ],
  },
];

const SIZES = ['', ' (value pack)', ' (family size)'];

/** A deterministic catalog of a little over 200 products; one in five has gaps to enrich. */
export function seedCatalog(): ProductInput[] {
  const generated: ProductInput[] = [];
  let n = 0;
  for (const brand of BRANDS) {
    for (const [size, suffix] of SIZES.entries()) {
      for (const [item, category] of brand.lines) {
        n += 1;
        const body = `${brand.prefix}${String(size * 10 + brand.lines.findIndex(([i]) => i === item)).padStart(5, '0')}`;
        const gap = n % 5 === 0;
        const pending: PendingEnrichment[] = gap
          ? [
              {
                field_name: 'description',
                proposed_value: `${brand.name} ${item}${suffix}.`,
                confidence: '0.78',
                reasoning: 'Read from the back-of-pack text in the product photos.',
                source: 'bedrock_claude',
              },
              {
                field_name: 'category',
                proposed_value: category,
                confidence: '0.88',
                reasoning: 'Matches similar products from the same brand.',
                source: 'local_database',
              },
            ]
          : [];
        generated.push({
          gtin: gtin14(`0${body}`),
          name: `${item}${suffix}`,
          brand_name: brand.name,
          description: gap ? '' : `${brand.name} ${item}${suffix}.`,
          category: gap ? '' : category,
          pending_enrichment: pending,
        });
      }
    }
  }
  return [...KNOWN, ...generated];
}
