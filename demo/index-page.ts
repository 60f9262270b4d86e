// The product page: the drop-in <cw-widget> talks to the stand-in Chatwoot.
import { pointAtStandIn } from './point-at-stand-in.js';

pointAtStandIn('cw-widget');
