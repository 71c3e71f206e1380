// URL path segments for boards and sections, as Pinterest forms them: "Summer Recipes!" -> "summer-recipes".
export function slugify(name: string, fallback: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || fallback;
}

