// Validates Kubernetes objects against the API schemas of the npm package kubernetes-models
// (required fields, types, formats, enums), offline.
//   node validate-kubernetes.mjs <folder holding node_modules/kubernetes-models> <objects.json>
// objects.json: a JSON array of objects. Prints one line per problem; exits 1 if there is any.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modelsDir, objectsFile] = process.argv.slice(2);
const objects = JSON.parse(readFileSync(objectsFile, 'utf8'));
const problems = [];

for (const object of objects) {
  const id = `${object.kind}/${object.metadata?.name}`;
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : [null, object.apiVersion];
  const module = join(modelsDir, 'node_modules', 'kubernetes-models', ...(group ? [group, version] : [version]),
    `${object.kind}.mjs`);
  if (!existsSync(module)) {
    problems.push(`${id}: no schema for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  const Model = (await import(pathToFileURL(module)))[object.kind];
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(`${id}: ${error.message}`);
  }
}

for (const problem of problems) {
  console.log(problem);
}
console.log(`validated ${objects.length} objects, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
