// Validates every manifest under deploy/kubernetes offline, against the Kubernetes OpenAPI schemas that ship inside
// the kubernetes-models package (its model classes validate with them: types, required fields, formats, enums,
// one-of choices; a key the schema does not know is not reported). Then checks what this project promises of every
// Deployment and the schemas cannot: probes, requests and limits, a non-root read-only container, tokens from
// Secrets. Usage: node validate.mjs [directory] (default: ../kubernetes beside this script). Exits 1 on a problem.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const directory = process.argv[2] ?? join(here, "..", "kubernetes");

/** What the project promises of a Deployment's pods (docs/deployment.md), as messages for what is missing. */
function deploymentPolicy(deployment) {
  const missing = [];
  const pod = deployment.spec.template.spec;
  if (pod.securityContext?.runAsNonRoot !== true) missing.push("pod securityContext.runAsNonRoot: true");
  for (const container of pod.containers) {
    const name = `container ${container.name}`;
    if (!container.livenessProbe) missing.push(`${name}: livenessProbe`);
    if (!container.readinessProbe) missing.push(`${name}: readinessProbe`);
    for (const kind of ["requests", "limits"]) {
      for (const resource of ["cpu", "memory"]) {
        if (!container.resources?.[kind]?.[resource]) missing.push(`${name}: resources.${kind}.${resource}`);
      }
    }
    const security = container.securityContext ?? {};
    if (security.readOnlyRootFilesystem !== true) missing.push(`${name}: securityContext.readOnlyRootFilesystem: true`);
    if (security.allowPrivilegeEscalation !== false) missing.push(`${name}: securityContext.allowPrivilegeEscalation: false`);
    for (const variable of container.env ?? []) {
      if (/TOKEN|API_KEY|PASSWORD/.test(variable.name) && variable.value !== undefined) {
        missing.push(`${name}: ${variable.name} from a Secret (secretKeyRef), not a literal value`);
      }
    }
  }
  return missing;
}

/** The kubernetes-models module of an apiVersion: "v1" for the core group, else "group/version". */
async function modelClass(apiVersion, kind) {
  let module;
  try {
    module = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    return undefined;
  }
  return module[kind];
}

let problems = 0;
let checked = 0;
const files = readdirSync(directory).filter((name) => name.endsWith(".yaml") || name.endsWith(".yml")).sort();
if (files.length === 0) {
  console.error(`no manifests in ${directory}`);
  process.exit(1);
}
for (const file of files) {
  const documents = parseAllDocuments(readFileSync(join(directory, file), "utf8"));
  for (const [index, document] of documents.entries()) {
    const where = `${file}#${index + 1}`;
    if (document.errors.length > 0) {
      document.errors.forEach((error) => console.error(`${where}: YAML: ${error.message}`));
      problems += document.errors.length;
      continue;
    }
    const object = document.toJS();
    if (object === null) {
      continue;
    }
    const Model = await modelClass(object.apiVersion, object.kind);
    if (Model === undefined) {
      console.error(`${where}: unknown apiVersion/kind ${object.apiVersion}/${object.kind}`);
      problems++;
      continue;
    }
    try {
      new Model(object).validate();
      const missing = object.kind === "Deployment" ? deploymentPolicy(object) : [];
      if (missing.length > 0) {
        throw new Error(`missing ${missing.join("; ")}`);
      }
      checked++;
      console.log(`ok   ${where} ${object.kind}/${object.metadata?.name}`);
    } catch (error) {
      console.error(`FAIL ${where} ${object.kind}/${object.metadata?.name}: ${error.message}`);
      problems++;
    }
  }
}
console.log(`${checked} objects valid, ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
