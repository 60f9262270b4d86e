// The help-centre page: the composed <cw-chat> talks to the stand-in Chatwoot.
import { pointAtStandIn } from './point-at-stand-in.js';

pointAtStandIn('cw-chat');
