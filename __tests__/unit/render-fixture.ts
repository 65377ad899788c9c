/** A render of five objects: cluster-scoped, namespaced with and without a namespace, workloads with init containers and a CronJob. */
export const RENDER = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web
data:
  a: "1"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      initContainers:
      - name: migrate
        image: reg/migrate:1
      containers:
      - name: web
        image: reg/web:2
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: job
            image: reg/job:3
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web.example
`

/** One Deployment document as kustomize prints it (block style, one key per line). */
export const deployment = (name: string, image: string, extra = '', namespace = 'shop') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    spec:
      containers:
      - image: ${image}
        name: app
${extra}`
