import { handleCancellation } from './cancel.js'
import { run } from './main.js'

handleCancellation()
await run()
