// Teaches ajv-cli (through its -c option) the annotation keywords lamd's schemas carry for editors, as
// scripts/compile-schemas.mjs does for lamd (EDITOR_KEYWORDS), so the peer checks the same schemas in
// strict mode instead of refusing them.
module.exports = (ajv) => {
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'markdownEnumDescriptions', schemaType: 'array' });
};
