import { Type } from '@sinclair/typebox';

const GrantType = Type.Union([Type.Literal('authorization_code'), Type.Literal('refresh_token'), Type.Literal('client_credentials')]);

// One flat object for the three grants (the spec's discriminated request); the service checks per-grant fields.
export const TokenRequest = Type.Object({
  grant_type: GrantType,
  code: Type.Optional(Type.String()),
  redirect_uri: Type.Optional(Type.String()),
  refresh_token: Type.Optional(Type.String()),
  scope: Type.Optional(Type.String()),
  continuous_refresh: Type.Optional(Type.Boolean()),
  refresh_on: Type.Optional(Type.Boolean()),
});

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer(),
  scope: Type.String(),
  response_type: GrantType,
  refresh_token: Type.Optional(Type.String()),
  refresh_token_expires_in: Type.Optional(Type.Integer()),
  refresh_token_expires_at: Type.Optional(Type.Integer()),
});

export const RevokeRequest = Type.Object({
  token: Type.String({ minLength: 1 }),
  token_type_hint: Type.Optional(Type.Union([Type.Literal('access_token'), Type.Literal('refresh_token')])),
});
