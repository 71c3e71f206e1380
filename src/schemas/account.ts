import { Type } from '@sinclair/typebox';

export const Account = Type.Object({
  id: Type.String(),
  username: Type.String(),
  account_type: Type.Union([Type.Literal('PINNER'), Type.Literal('BUSINESS')]),
  profile_image: Type.String(),
  website_url: Type.String(),
  about: Type.String(),
  business_name: Type.Union([Type.String(), Type.Null()]),
  board_count: Type.Integer(),
  pin_count: Type.Integer(),
  follower_count: Type.Integer(),
  following_count: Type.Integer(),
  monthly_views: Type.Integer(),
});
