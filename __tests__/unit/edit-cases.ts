/** The golden cases of the images edit: fixtures/edit/<name>/before.yaml → after.yaml. */
const D = 'sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3'

export interface EditCase {
  name: string
  args: string[]
  /** substrings expected in the warnings, in order */
  warnings?: string[]
}

export const EDIT_CASES: EditCase[] = [
  // behaviours exercised by kustomize's own setimage tests and help text
  { name: 'new-newname-tag', args: ['image1=my-image1:my-tag'] },
  { name: 'new-numeric-tag', args: ['image1=my-image1:1234'] },
  { name: 'new-exponent-tag', args: ['image1=my-image1:3.2e2'] },
  { name: 'new-newname-digest', args: [`image1=my-image1@${D}`] },
  { name: 'new-tag-only', args: ['image1:my-tag'] },
  { name: 'new-digest-only', args: [`image1@${D}`] },
  { name: 'new-tag-and-digest', args: [`my-image1:my-tag@${D}`] },
  { name: 'new-newname-tag-digest', args: [`image1=my-image1:my-tag@${D}`] },
  { name: 'registry-port-no-tag', args: ['ngnix=localhost:5000/my-project/ngnix'] },
  { name: 'registry-port-tag', args: ['ngnix=localhost:5000/my-project/ngnix:dev-01'] },
  { name: 'override-keeps-others', args: ['image1=foo.bar.foo:8800/foo/image1:foo-bar'] },
  { name: 'tag-replaces-whole-entry', args: ['image1:v1'], warnings: ["write 'image1=*:v1' to keep it"] },
  {
    name: 'multiple-overrides',
    args: ['image1=my-image1:my-tag-v2', `image2@${D}`, 'image3=my-image3:my-tag3'],
    warnings: ["write 'image2=*@" + D + "' to keep it"]
  },
  { name: 'star-keeps-newname', args: ['image1=*:v1'] },
  { name: 'star-keeps-tag', args: ['image1=my-image2:*'] },
  { name: 'star-star-keeps-both', args: ['image1=*:*'] },
  { name: 'star-without-existing', args: ['image1=*:v1'] },
  { name: 'star-keeps-newname-sets-digest', args: [`image2=*@${D}`] },
  { name: 'help-example-1', args: ['postgres=eu.gcr.io/my-project/postgres:latest', `my-app=my-registry/my-app@${D}`] },
  { name: 'help-example-2', args: ['node:8.15.0', 'mysql=mariadb', `alpine@${D}`] },
  { name: 'last-wins-per-name', args: ['web:v1', 'web:v2'] },
  // formatting kept
  { name: 'comments-kept', args: ['web=*:dev-1339', 'worker:42', 'cron:1.0.0'] },
  { name: 'flow-style', args: ['web:v2', 'api:v1'] },
  { name: 'flow-entries-in-block-list', args: ['web:v2', 'api:v1'] },
  { name: 'empty-flow-list', args: ['web:v2'] },
  { name: 'images-key-without-value', args: ['web:v2'] },
  { name: 'indented-sequences', args: ['web:v2', 'api:v1'] },
  { name: 'crlf', args: ['web:v2', 'api:v1'] },
  { name: 'no-trailing-newline', args: ['web:v2', 'api:v1'] },
  { name: 'no-trailing-newline-append', args: ['web:v2'] },
  { name: 'component', args: ['web:v2'] },
  { name: 'document-marker', args: ['web:v2'] },
  { name: 'quoted-values-keep-style', args: ['web:v2', 'api:1.10'] },
  { name: 'numeric-looking-tags', args: ['a:1.10', 'b:1e3', 'c:yes', 'd:0755', 'e:2024-01-01', 'f:null', 'g:true', 'h:0x1F', 'i:v1.10'] },
  { name: 'digest-first-key', args: ['web=*:v2@*'] },
  { name: 'drop-digest-on-dash-line', args: ['web:v2'], warnings: ["write 'web=*:v2@*' to keep them"] },
  { name: 'empty-file', args: ['web:v2'] },
  { name: 'comments-only', args: ['web:v2'] },
  { name: 'unchanged', args: ['web:v2'] },
  // issue 10: what kustomize reads, we read
  { name: 'case-variant-newtag', args: ['app:v2'] },
  { name: 'case-variant-fields', args: ['app=*:v3', 'web:v2'], warnings: ["write 'app=*:v3@*' to keep it"] },
  { name: 'case-variant-two-spellings', args: ['app:v2'] },
  { name: 'flow-entry-case-variant', args: ['app=*:v2@*'] },
  { name: 'alias-value-kept', args: ['app=reg.io/app:*'] },
  { name: 'alias-value-replaced', args: ['app:v2', 'web=reg.io/web:*'] },
  { name: 'images-key-other-case', args: ['app:v2', 'web:v1'] },
  { name: 'images-explicit-null', args: ['app:v2'] },
  { name: 'bom', args: ['app:v2'] },
  { name: 'anchored-entry', args: ['app=reg.io/app:v2'] },
  { name: 'indented-root', args: ['app=*:v2@' + D, 'web:v1'] },
  // issue 10: what we write, kustomize reads as we meant
  {
    name: 'go-yaml-numbers',
    args: ['a:1e1_0', 'b:5e_5', 'c:0.1e1_0', 'd:0o17', 'e:1_000', 'f:0b101', 'g:08', 'h:2024-1-2', 'i:y', 'j:n', 'k:on', 'l:OFF', 'm:1_2.5', 'n:0x_1F', 'o:1e9', 'p:true_1', '1e3:v1', 'Y:v1']
  },
  { name: 'last-entry-field-and-append', args: ['app=*:v2', 'new:v1'] },
  { name: 'block-scalar-strip-end', args: ['app:v2'] },
  { name: 'block-scalar-keep-end', args: ['app:v2'] },
  { name: 'block-scalar-clip-no-newline', args: ['app:v2'] },
  { name: 'tag-suffix-dropped', args: ['app=*:v2'], warnings: ["drops the existing tagSuffix '-debug' of image 'app', as kustomize edit set image does; write 'app=*:v2-debug' to keep it"] },
  { name: 'duplicate-names', args: ['app:v3'], warnings: ["image 'app' has 2 entries (lines 2, 6); like kustomize edit set image, the edit merges 'app:v3' into the first (line 2)"] },
  { name: 'duplicate-names-untouched', args: ['web:w2'], warnings: ["image 'app' has 2 entries (lines 2, 4); like kustomize edit set image, the edit keeps the first (line 2)"] },
  { name: 'trailing-empty-document', args: ['app:v2'] },
  // issue 17: the last line of a file without a final newline replaced, then lines added after it
  {
    name: 'no-final-newline-last-entry-append',
    args: [
      'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/cartservice:1.10',
      'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/emailservice:v2'
    ],
    warnings: ["drops the existing tagSuffix 'CONTAINER_IMAGES_TAG_SUFFIX'"]
  },
  // issue 17: a new entry stands where kustomize's order (by name) puts it among the entries that
  // can change the same image (kustomize applies them one after the other)
  {
    name: 'new-entry-before-tagged-name',
    args: [`quay.io/open-cluster-management/registration-operator:latest@${D}`],
    warnings: ["the new entry for image 'quay.io/open-cluster-management/registration-operator' goes before 'quay.io/open-cluster-management/registration-operator:latest' (line 9)"]
  },
  { name: 'new-entry-chain-before', args: ['cron:v2', 'api=worker:v9'], warnings: ["the new entry for image 'api' goes before 'worker' (line 1)"] },
  { name: 'new-entries-name-order', args: ['zz=app:v1', 'cron:v2', 'app:v3'], warnings: ["the new entry for image 'app' goes before 'app:v1' (line 4)"] },
  { name: 'no-final-newline-last-field-replaced', args: ['app=reg.io/app:v2'], warnings: ["drops the existing digest"] },
  // counterexamples of the differential fuzz (seed-index): duplicates in a flow list
  { name: 'fuzz-10-1384', args: [`1e3@${D}`], warnings: ["image '1e3' has 2 entries", "image 'app' has 2 entries", 'drops the existing newName'] },
  { name: 'fuzz-10-2574', args: ['localhost:5000/team/cron=ghcr.io/org/app-v2'], warnings: ["image 'localhost:5000/team/cron' has 2 entries", "image 'api' has 2 entries"] },
  { name: 'fuzz-10-3434', args: [`api@${D}`], warnings: ["image 'ghcr.io/org/worker' has 2 entries", "image 'api' has 2 entries", "drops the existing"] }
]
